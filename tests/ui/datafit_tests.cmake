# Model and data fitted both ways (issue 14 item 6): the Data page's mismatch and fixes,
# data fixes as undoable binding changes, settings that do not apply.
target_sources(ui_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/test_data_fit_page.cpp)
list(APPEND UI_TEST_CLASSES DataFitPageTest)
