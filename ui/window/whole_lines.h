// A word-wrapped label laid out where its height is fixed before its width is known (a
// form row, a centred box in a stacked page) can get the height of fewer lines than it
// wraps to, and shows its text cut. keepWholeLines makes the label ask, whenever its width
// changes, for the height its lines need at that width.
#pragma once

class QLabel;

namespace ui {

void keepWholeLines(QLabel* label);

} // namespace ui
