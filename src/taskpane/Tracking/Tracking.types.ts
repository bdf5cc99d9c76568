import type { PaneController } from "../App/App.types";

export interface TrackingProps {
  controller: PaneController;
}
