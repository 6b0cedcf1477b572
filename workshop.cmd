@echo off
rem The workshop's companion command: .\workshop.cmd help lists what it does. Works from any folder.
setlocal
cd /d "%~dp0"
set DOTNET_NOLOGO=1
set DOTNET_CLI_TELEMETRY_OPTOUT=1
set WORKSHOP_COMMAND=.\workshop.cmd
if not exist "tools\Workshop.Tools\bin\Debug\net10.0\Workshop.Tools.dll" echo Building the workshop command first; the first time takes a minute... 1>&2
dotnet run --project "tools\Workshop.Tools" -v q -- %*
exit /b %ERRORLEVEL%
