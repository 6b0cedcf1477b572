global using FluentAssertions;
global using HttpBasics.Http;
global using Xunit;
