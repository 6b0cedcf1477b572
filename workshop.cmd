@echo off
rem The workshop's companion command: .\workshop.cmd help lists what it does. Works from any folder.
setlocal
cd /d "%~dp0"
set DOTNET_NOLOGO=1
set DOTNET_CLI_TELEMETRY_OPTOUT=1
set WORKSHOP_COMMAND=.\workshop.cmd
dotnet run --project "%~dp0tools\Workshop.Tools" -v q -- %*
exit /b %ERRORLEVEL%
