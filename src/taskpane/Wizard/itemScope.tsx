/**
 * What a step's item cards share with the wizard: focus moves into a card that "Add" just created (not into the
 * cards a step shows when it opens), and "Remove" can be undone from the bar the wizard shows after it.
 */
import { createContext, useContext, useEffect, useRef, type ReactNode, type RefObject } from "react";

export interface ItemScope {
  /** True once the step's first render is done: a card mounted after that was added by the person. */
  ready: RefObject<boolean>;
  /** Called before a card's item is removed, with the card's heading ("Goal G2"). */
  beforeRemove: (heading: string) => void;
}

const ItemScopeContext = createContext<ItemScope | null>(null);

/** One per step page (keyed by the step), so cards of a newly opened step do not steal the focus. */
export function ItemFocusScope(props: { beforeRemove: (heading: string) => void; children: ReactNode }): ReactNode {
  const ready = useRef(false);
  useEffect(() => {
    ready.current = true;
  }, []);
  return <ItemScopeContext.Provider value={{ ready, beforeRemove: props.beforeRemove }}>{props.children}</ItemScopeContext.Provider>;
}

export function useItemScope(): ItemScope | null {
  return useContext(ItemScopeContext);
}

/** Focus the first control of a card when it was added after its step opened. */
export function useFocusWhenAdded(card: RefObject<HTMLElement | null>): void {
  const scope = useItemScope();
  useEffect(() => {
    if (!scope?.ready.current) return;
    card.current?.querySelector<HTMLElement>("input, textarea, select")?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on mount only
  }, []);
}
