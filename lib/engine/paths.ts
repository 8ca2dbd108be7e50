import { LOCAL_ENGINE_BASE_PATH } from "@/lib/server/config";

/** Where stored files are served, under the app's origin (the local "CDN"). */
export const FILES_PATH = `${LOCAL_ENGINE_BASE_PATH}/files`;
/** Where callers PUT uploads (the local "signed upload URL"). */
export const UPLOAD_PATH = `${LOCAL_ENGINE_BASE_PATH}/upload`;
