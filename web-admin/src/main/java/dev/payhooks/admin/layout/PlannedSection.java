package dev.payhooks.admin.layout;

import com.vaadin.flow.component.icon.VaadinIcon;

/** Sections of the admin UI that the navigation already lists. */
public enum PlannedSection {
    STAFF("staff", "Staff", VaadinIcon.USERS, "Staff accounts, roles and second factors.");

    private final String slug;
    private final String title;
    private final VaadinIcon icon;
    private final String purpose;

    PlannedSection(String slug, String title, VaadinIcon icon, String purpose) {
        this.slug = slug;
        this.title = title;
        this.icon = icon;
        this.purpose = purpose;
    }

    public String slug() { return slug; }
    public String title() { return title; }
    public VaadinIcon icon() { return icon; }
    public String purpose() { return purpose; }

    public static java.util.Optional<PlannedSection> bySlug(String slug) {
        for (PlannedSection s : values()) {
            if (s.slug.equals(slug)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }
}
