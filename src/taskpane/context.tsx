/**
 * The two things every view needs: the language (with `t`) and the WorkbookPort. Both come from context so
 * that views stay plain components; the port is the only way to the workbook.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { WorkbookPort } from "../port";
import { uiText, type UiKey, type UiLanguage, type UiParams } from "../i18n/ui";

export interface LanguageContextValue {
  language: UiLanguage;
  setLanguage: (language: UiLanguage) => void;
  t: (key: UiKey, params?: UiParams) => string;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

export function LanguageProvider(props: { initialLanguage: UiLanguage; children: ReactNode }): ReactNode {
  const [language, setLanguage] = useState<UiLanguage>(props.initialLanguage);
  useEffect(() => {
    // Screen readers and axe read the page language from <html lang>.
    document.documentElement.lang = language;
  }, [language]);
  const t = useCallback((key: UiKey, params?: UiParams) => uiText(language, key, params), [language]);
  const value = useMemo(() => ({ language, setLanguage, t }), [language, t]);
  return <LanguageContext.Provider value={value}>{props.children}</LanguageContext.Provider>;
}

export function useUi(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error("useUi() outside <LanguageProvider>");
  return value;
}

const PortContext = createContext<WorkbookPort | null>(null);

export function PortProvider(props: { port: WorkbookPort; children: ReactNode }): ReactNode {
  return <PortContext.Provider value={props.port}>{props.children}</PortContext.Provider>;
}

export function usePort(): WorkbookPort {
  const port = useContext(PortContext);
  if (!port) throw new Error("usePort() outside <PortProvider>");
  return port;
}
