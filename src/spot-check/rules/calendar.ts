/** Budget years follow the calendar in China (UTC+8), whatever the server's zone. */
export function currentYearInChina(now: Date = new Date()): number {
  return new Date(now.getTime() + 8 * 3600 * 1000).getUTCFullYear();
}
