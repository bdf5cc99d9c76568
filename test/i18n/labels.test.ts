/**
 * A message names a field with the words the person sees: the pane's field label and the workbook's label are the
 * finding's (found from outside: the pane said 员工工号 and 直接上级, the message 员工编号为空 and 直属经理为空).
 */
import { FIELD_LABELS } from "../../src/i18n/findings";
import { uiText } from "../../src/i18n/ui";
import { COLUMN_HEADERS } from "../../src/i18n/workbook";

describe("field labels agree across the pane, the workbook and the messages", () => {
  for (const field of ["employeeName", "employeeId", "manager", "planStart", "planEnd"] as const) {
    test(`${field}: the message's label is the pane's`, () => {
      for (const language of ["zh-CN", "en-US"] as const) {
        expect(FIELD_LABELS[field]?.[language]).toBe(uiText(language, `header.${field}`));
      }
    });
  }
  test("employee, employeeId and manager: the workbook's label is the message's too", () => {
    for (const language of ["zh-CN", "en-US"] as const) {
      for (const field of ["employeeName", "employeeId", "manager"] as const) expect(COLUMN_HEADERS[`header.${field}`][language]).toBe(FIELD_LABELS[field]?.[language]);
    }
  });
});
