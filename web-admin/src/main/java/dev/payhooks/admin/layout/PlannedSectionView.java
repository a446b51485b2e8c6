package dev.payhooks.admin.layout;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Placeholder page of a section whose view is not built yet. */
@Route(value = "section", layout = MainLayout.class)
@PermitAll
public class PlannedSectionView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private String title = "Payhooks";

    @Override
    public void setParameter(BeforeEvent event, String slug) {
        PlannedSection section = PlannedSection.bySlug(slug).orElseThrow(NotFoundException::new);
        title = section.title() + " · Payhooks";
        removeAll();
        add(new H2(section.title()), new Paragraph(section.purpose()),
            new Paragraph("This section is not available in this version yet."));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
