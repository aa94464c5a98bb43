/** A file sent with an email, stored as text (calendar events are text). */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: string;
}
