# Editors made from the engine's spec tables (issue 12): the learning-rate box, ranges, layer summaries.
target_sources(ui_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/test_setting_editors.cpp)
list(APPEND UI_TEST_CLASSES SettingEditorsTest)
