package dev.payhooks.domain.staff;

/**
 * What a staff member may do in the admin UI. Administrators manage staff users; developers
 * change subscriptions, secrets and channel settings; viewers only look.
 */
public enum StaffRole {
    ADMINISTRATOR,
    DEVELOPER,
    VIEWER
}
