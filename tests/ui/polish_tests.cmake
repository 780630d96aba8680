# Tests of the window's rough edges (issue 14): summary columns, sizes, channels, theme, prompts.
target_sources(ui_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/test_window_polish.cpp)
list(APPEND UI_TEST_CLASSES WindowPolishTest)
# The window fits a 1280-pixel screen in English and Spanish (issues 14, 15).
target_sources(ui_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/test_window_width.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/window_width_check.cpp)
list(APPEND UI_TEST_CLASSES WindowWidthTest)
