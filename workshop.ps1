# The workshop's companion command: ./workshop.ps1 help lists what it does. Works from any folder.
$ErrorActionPreference = 'Stop'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:WORKSHOP_COMMAND = './workshop.ps1'
Push-Location $PSScriptRoot
try {
    if (-not (Test-Path 'tools/Workshop.Tools/bin/Debug/net10.0/Workshop.Tools.dll')) {
        [Console]::Error.WriteLine('Building the workshop command first; the first time takes a minute...')
    }
    dotnet run --project (Join-Path $PSScriptRoot 'tools/Workshop.Tools') -v q -- @args
    $code = $LASTEXITCODE
}
finally {
    Pop-Location
}
exit $code
