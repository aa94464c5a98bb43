export { inviteWorkflow } from './invite.js';
