from zzip.cli import main

main()
