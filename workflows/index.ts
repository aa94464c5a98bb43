export { inviteWorkflow } from './invite.js';
export { sessionWorkflow } from './session.js';
export { webhookDeliveryWorkflow } from './webhook-delivery.js';
