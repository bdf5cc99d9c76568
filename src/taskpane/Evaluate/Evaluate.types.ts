import type { PaneController } from "../App/App.types";

export interface EvaluateProps {
  controller: PaneController;
}
