global using System.Text;
global using FluentAssertions;
global using WebSocketHandshake.Frames;
global using Workshop.Testing;
global using Workshop.Testing.Goals;
global using Xunit;
