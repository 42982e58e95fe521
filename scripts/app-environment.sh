# The runtime environment the app is started with, by run.sh and by the load scripts (sourced in the app's own shell,
# so the load clients do not get it).
# A 64 MB young generation: each autosave's short-lived objects are collected far less often (under load the app spent
# a sixth of its CPU in collections), for about 60 MB more memory. Only the environment sets it, not runtimeconfig.
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x4000000}"
