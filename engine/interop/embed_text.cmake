# Writes the text file IN as a C++ raw string literal into OUT (to #include
# where a string literal is expected): the PyTorch script template.
file(READ "${IN}" content)
file(WRITE "${OUT}.tmp" "R\"CSPY(${content})CSPY\"\n")
file(RENAME "${OUT}.tmp" "${OUT}")
