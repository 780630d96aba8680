# Tests of the window's rough edges (issue 14): summary columns, sizes, channels, theme, prompts.
target_sources(ui_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/test_window_polish.cpp)
list(APPEND UI_TEST_CLASSES WindowPolishTest)
