/** @module The audit-log pages as one chunk: the administrator's search and the person's own look-ups. */
export { AuditLogPage } from './AuditLogPage.tsx';
export { MyDataPage } from './MyDataPage.tsx';
