// Start the Scottish Government Design System components on the page.
import DS from "../../vendor/sgds/scripts/design-system.js";
DS.initAll();
