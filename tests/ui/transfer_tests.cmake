# Transfer learning in the window (issue 13 item 4): freeze, new head, fine-tune.
target_sources(ui_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/test_transfer_learning.cpp)
list(APPEND UI_TEST_CLASSES TransferLearningUiTest)
