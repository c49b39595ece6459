@_exported import CLibPQ
