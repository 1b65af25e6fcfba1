from zzip.launcher import main

main()
