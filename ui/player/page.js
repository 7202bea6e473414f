// The tubenotes player page: tubenotes sends commands as server-sent
// events ("play", "toggle", "seekby"); the page reports the playhead back.
// Both go to this page's own path, which holds the session's token.
"use strict";

const PLAYING = 1, BUFFERING = 3;
let player = null;   // the YT.Player, once the IFrame API has loaded
let ready = false;   // the player answers calls
let wanted = null;   // the last play command, applied once ready
let created = null;  // the command the player was created with
let lastReport = "";

function status(text) {
  document.getElementById("status").textContent = text;
}

function create() {
  if (player || !wanted || !window.YT || !YT.Player) {
    return;
  }
  created = wanted;
  player = new YT.Player("player", {
    videoId: wanted.id,
    playerVars: { start: wanted.t, autoplay: 1, playsinline: 1, origin: location.origin },
    events: {
      onReady: function () {
        ready = true;
        if (wanted !== created) {
          play(wanted); // a newer moment arrived while the player loaded
        }
        report();
      },
      onStateChange: report,
    },
  });
}

window.onYouTubeIframeAPIReady = create;

function play(cmd) {
  wanted = cmd;
  status(cmd.title ? "▶ " + cmd.title : "▶");
  document.title = cmd.title ? cmd.title + " · tubenotes" : "tubenotes player";
  if (!player) {
    create();
    return;
  }
  if (!ready) {
    return; // onReady plays what is wanted then
  }
  const data = player.getVideoData ? player.getVideoData() : null;
  if (data && data.video_id === cmd.id) {
    player.seekTo(cmd.t, true);
    player.playVideo();
  } else {
    player.loadVideoById({ videoId: cmd.id, startSeconds: cmd.t });
  }
}

function report() {
  if (!ready) {
    return;
  }
  const data = player.getVideoData();
  const t = player.getCurrentTime();
  const state = player.getPlayerState();
  if (!data || !data.video_id || typeof t !== "number") {
    return;
  }
  const paused = state !== PLAYING && state !== BUFFERING;
  const key = data.video_id + " " + Math.floor(t) + " " + paused;
  if (key === lastReport) {
    return;
  }
  lastReport = key;
  fetch("playhead", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ id: data.video_id, t: t, paused: paused }),
  }).catch(function () {});
}

const events = new EventSource("events");
events.onopen = function () { status(wanted ? "▶ " + (wanted.title || "") : "connected to tubenotes"); };
events.onerror = function () { status("tubenotes is not answering; it may have quit"); };
events.addEventListener("play", function (e) { play(JSON.parse(e.data)); });
events.addEventListener("toggle", function () {
  if (!ready) return;
  if (player.getPlayerState() === PLAYING) player.pauseVideo(); else player.playVideo();
});
events.addEventListener("seekby", function (e) {
  if (!ready) return;
  player.seekTo(Math.max(0, player.getCurrentTime() + JSON.parse(e.data).by), true);
});
setInterval(report, 500);
