#ifndef TACKLE_CLIBPQ_SHIM_H
#define TACKLE_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
