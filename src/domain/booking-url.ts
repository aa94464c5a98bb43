/** BOOKING_URL's default: the booking page beside the app. */
export const defaultBookingUrl = (appUrl: string) => `${appUrl}/book?coachId={coachId}`;

/** The platform's booking page for one coach: `{coachId}` in the template filled in. */
export function bookingUrlFor(template: string, coachId: string): string {
  return template.replaceAll('{coachId}', encodeURIComponent(coachId));
}
