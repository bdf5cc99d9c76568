/** Marks a view's first render on the page's performance timeline (read by the e2e timing; absent in jsdom). */
export function markRendered(view: string): void {
  if (typeof performance !== "undefined" && typeof performance.mark === "function") performance.mark(`pipbook:view-${view}`);
}
