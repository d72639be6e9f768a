/** @module The theme-day pages as one chunk, loaded when someone first opens them. */
export { EditThemeDayPage, NewThemeDayPage } from './ThemeDayFormPage.tsx';
export { ThemeDayPage } from './ThemeDayPage.tsx';
export { ThemeDaysPage } from './ThemeDaysPage.tsx';
