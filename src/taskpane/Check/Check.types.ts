import type { Finding } from "../../core/findings";
import type { PaneController } from "../App/App.types";

export interface CheckProps {
  controller: PaneController;
}

export interface FindingGroups {
  errors: Finding[];
  warnings: Finding[];
}
