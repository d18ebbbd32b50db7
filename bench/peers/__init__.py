"""Side-by-side benchmark of pixmill against thumbor, sharp and the libjpeg-turbo floor.

``make bench-peers`` installs the peers (``bench/peers/setup.sh``) and runs the full matrix
(``python -m bench.peers``); ``python -m bench.peers --help`` lists the knobs.
"""
