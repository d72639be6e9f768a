/** @module The administrator's pages for people, units and the import, as one chunk loaded on first visit. */
export { ImportPage } from './ImportPage.tsx';
export { NewUnitPage, UnitPage } from './UnitPage.tsx';
export { NewUserPage, UserPage } from './UserPage.tsx';
