// A word-wrapped label laid out where its height is fixed before its width is known (a
// form row, a centred box in a stacked page) can get the height of fewer lines than it
// wraps to, and shows its text cut (or more, and shows it in a gap). keepWholeLines gives
// the label, whenever its width changes, the height its lines need at that width.
#pragma once

class QLabel;

namespace ui {

void keepWholeLines(QLabel* label);

} // namespace ui
