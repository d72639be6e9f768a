/** @module The conversation and development-plan pages as one chunk, loaded when someone first opens them. */
export { ConversationPage } from './ConversationPage.tsx';
export { ConversationsPage } from './ConversationsPage.tsx';
export { GroupConversationPage } from './GroupConversationPage.tsx';
export { NewConversationPage } from './NewConversationPage.tsx';
export { NewGroupConversationPage } from './NewGroupConversationPage.tsx';
export { PlanPage } from './PlanPage.tsx';
