# Tests of the Inspect page (kernels, feature maps, epoch slider, live training).
target_sources(ui_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/test_inspect_page.cpp)
list(APPEND UI_TEST_CLASSES InspectPageTest)
