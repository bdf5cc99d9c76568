import { initialScripts } from "../../bench/bundle.bench";

describe("bundle bench: the scripts taskpane.html loads first", () => {
  test("quoted, single-quoted and unquoted (minified) src attributes are found; the Office.js CDN is not ours", () => {
    const html =
      '<script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script>' +
      '<script defer src=vendor-react.1.js></script><script defer="defer" src="vendor-fluent.2.js"></script>' +
      "<script src='taskpane.3.js'></script><script>inline()</script>";
    expect(initialScripts(html)).toEqual(["vendor-react.1.js", "vendor-fluent.2.js", "taskpane.3.js"]);
  });
});
