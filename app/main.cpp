// buurtstem: the kiosk executable. Everything happens in the command-line layer.
#include "cli/CommandLine.h"

int main(int argc, char** argv) { return buurtstem::cli::runCommandLine(argc, argv); }
