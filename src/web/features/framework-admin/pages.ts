/** @module The pages to adapt the framework and keep the role profiles, as one chunk loaded when first opened. */
export { AreaEditPage } from './AreaEditPage.tsx';
export { CompetenceEditPage } from './CompetenceEditPage.tsx';
export { DiffPage } from './DiffPage.tsx';
export { DraftEditorPage } from './DraftEditorPage.tsx';
export { FrameworkAdminPage } from './FrameworkAdminPage.tsx';
export { FrameworkDetailsPage } from './FrameworkDetailsPage.tsx';
export { PublishReportPage } from './PublishReportPage.tsx';
export { RoleProfileEditPage } from './RoleProfileEditPage.tsx';
export { RoleProfilesPage } from './RoleProfilesPage.tsx';
