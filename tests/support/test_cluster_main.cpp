// vigie_test_cluster start|stop DIR: the CTest fixture that owns the run's PostgreSQL cluster.
#include "store/local_cluster.h"

#include <cstring>
#include <iostream>

int main(int argc, char** argv)
{
    if (argc != 3 || (std::strcmp(argv[1], "start") != 0 && std::strcmp(argv[1], "stop") != 0)) {
        std::cerr << "usage: vigie_test_cluster start|stop DIR\n";
        return 2;
    }
    try {
        vigie::store::LocalCluster cluster(argv[2]);
        if (std::strcmp(argv[1], "start") == 0) {
            cluster.start();
            std::cout << "test cluster running: " << cluster.conninfo() << "\n";
            // Keep it running after this process exits: the fixture's cleanup test stops it.
            cluster.detach();
        } else {
            cluster.stop();
        }
    } catch (const std::exception& e) {
        std::cerr << "vigie_test_cluster: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
