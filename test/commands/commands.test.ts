/** @jest-environment jsdom */
import { action, registerCommands } from "../../src/commands/commands";

const globals = globalThis as { Office?: unknown; action?: unknown };

afterEach(() => {
  delete globals.Office;
  delete globals.action;
});

/** OfficeStandIn: just onReady and (optionally) Office.actions, recording what gets associated. */
function officeStandIn(withActions: boolean) {
  const associated = new Map<string, unknown>();
  const office = {
    onReady: (callback: () => void) => {
      callback();
      return Promise.resolve({ host: "Excel", platform: "PC" });
    },
    actions: withActions ? { associate: (name: string, fn: unknown) => associated.set(name, fn) } : undefined,
  };
  return { office, associated };
}

describe("commands page", () => {
  test("without office.js (plain browser) registering is a no-op, not a throw", () => {
    expect(() => registerCommands()).not.toThrow();
    expect(globals.action).toBeUndefined();
  });

  test("registers `action` through Office.actions.associate when the runtime has it", () => {
    const { office, associated } = officeStandIn(true);
    globals.Office = office;
    registerCommands();
    expect(associated.get("action")).toBe(action);
  });

  test("falls back to a global function name on runtimes without Office.actions", () => {
    const { office } = officeStandIn(false);
    globals.Office = office;
    registerCommands();
    expect(globals.action).toBe(action);
  });

  test("action always signals completion to Office", () => {
    const completed = jest.fn();
    action({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
  });
});
