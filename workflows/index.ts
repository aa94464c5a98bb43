export { inviteWorkflow } from './invite.js';
export { sessionWorkflow } from './session.js';
