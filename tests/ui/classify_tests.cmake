# Tests of the classify page: target_sources(ui_tests PRIVATE ...) and list(APPEND UI_TEST_CLASSES ...).
target_sources(ui_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/test_classify_page.cpp)
list(APPEND UI_TEST_CLASSES ClassifyPageTest)
