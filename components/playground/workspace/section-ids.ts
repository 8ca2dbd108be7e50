/** The inputs panel's collapsed sections (`<details>`), by the id of each. */
export const SETTINGS_SECTION_ID = "section-settings";
export const SWEEP_SECTION_ID = "section-sweep";
