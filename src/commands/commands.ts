/**
 * The function file (manifest: FunctionFile → commands.html). PIPbook's only ribbon button opens the task pane
 * (ShowTaskpane), so no command runs here yet; `action` is the registered placeholder for a future ExecuteFunction.
 */

/** Office calls this for an ExecuteFunction button; it must always report completion or the ribbon waits. */
export function action(event: Office.AddinCommands.Event): void {
  event.completed();
}

/** Registers the commands once Office is ready; a no-op when office.js did not load (plain browser, offline). */
export function registerCommands(): void {
  if (typeof Office === "undefined") return;
  Office.onReady(() => {
    // Office.actions exists only in runtimes with SharedRuntime/ribbon API support; older ones use the global name.
    if (Office.actions && typeof Office.actions.associate === "function") {
      Office.actions.associate("action", action);
    } else {
      (globalThis as { action?: typeof action }).action = action;
    }
  });
}

registerCommands();
