/**
 * The preview's Replace button's id: it stands in for the hidden file input when focus is moved
 * (apart from the preview, whose code loads with the first image).
 */
export const IMAGE_REPLACE_BUTTON_ID = "image-replace-button";
