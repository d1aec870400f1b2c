/** When a briefing changed or was exported, in the reader's locale: date and time, medium and short. */
export const formatDateTime = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
