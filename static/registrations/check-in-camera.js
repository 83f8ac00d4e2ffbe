/* "Scan with camera" on the door's check-in page: the phone's back camera films into a
   <video>; each frame, drawn on a canvas, is read for a QR code by the browser's own
   BarcodeDetector when it has one, else by jsQR (vendored, loaded only then). The code read
   fills the reference field and submits the form, as a hand scanner does: the server checks
   in as for a typed code. The page's messages come translated in the template's data-msg-*. */
(function () {
  "use strict";
  // A reference as the registrations app makes them (services/check_in.reference_normalize).
  var REFERENCE = /^[A-Z0-9]{4,12}$/;
  var FRAME_DELAY = 150; // ms between two reads: enough for a person holding a phone out
  var MAX_WIDTH = 640; // frames are read at most this wide: faster, and still sharp enough

  function loadJsQR(src) {
    if (window.jsQR) {
      return Promise.resolve(window.jsQR);
    }
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = function () { resolve(window.jsQR); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  async function makeDecoder(canvas, context, jsqrSrc) {
    if ("BarcodeDetector" in window) {
      var formats = await window.BarcodeDetector.getSupportedFormats();
      if (formats.indexOf("qr_code") >= 0) {
        var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
        return async function () {
          var codes = await detector.detect(canvas);
          return codes.length ? codes[0].rawValue : null;
        };
      }
    }
    var jsQR = await loadJsQR(jsqrSrc);
    return async function () {
      var image = context.getImageData(0, 0, canvas.width, canvas.height);
      var code = jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
      return code ? code.data : null;
    };
  }

  function setUp(box) {
    var form = box.closest("form");
    var field = form.querySelector("input[name=reference]");
    var startButton = form.querySelector(".camera-start");
    var stopButton = form.querySelector(".camera-stop");
    var video = box.querySelector("video");
    var status = box.querySelector(".camera-status");
    var canvas = document.createElement("canvas");
    var context = canvas.getContext("2d", { willReadFrequently: true });
    var stream = null;
    var timer = null;

    function say(key) {
      status.textContent = box.dataset[key] || "";
    }

    function stop() {
      clearTimeout(timer);
      if (stream) {
        stream.getTracks().forEach(function (track) { track.stop(); });
      }
      stream = null;
      video.srcObject = null;
      box.hidden = true;
      stopButton.hidden = true;
      startButton.hidden = false;
    }

    async function read(decode) {
      if (!stream) {
        return;
      }
      if (video.readyState >= video.HAVE_CURRENT_DATA && video.videoWidth) {
        var scale = Math.min(1, MAX_WIDTH / video.videoWidth);
        canvas.width = Math.round(video.videoWidth * scale);
        canvas.height = Math.round(video.videoHeight * scale);
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        var text = await decode();
        if (text !== null) {
          var reference = text.toUpperCase().replace(/[\s-]/g, "");
          if (REFERENCE.test(reference)) {
            say("msgFound");
            field.value = reference;
            stop();
            box.hidden = false; // keep the message in sight while the page submits
            form.requestSubmit();
            return;
          }
          say("msgNotACode");
        }
      }
      timer = setTimeout(function () { read(decode); }, FRAME_DELAY);
    }

    async function start() {
      box.hidden = false;
      startButton.hidden = true;
      say("msgStarting");
      try {
        var decode = await makeDecoder(canvas, context, box.dataset.jsqr);
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: "environment" },
          audio: false,
        });
      } catch (error) {
        stop();
        box.hidden = false;
        say("msgDenied");
        return;
      }
      video.srcObject = stream;
      await video.play();
      stopButton.hidden = false;
      say("msgScanning");
      read(decode);
    }

    startButton.addEventListener("click", start);
    stopButton.addEventListener("click", function () {
      stop();
      field.focus();
    });
    startButton.hidden = false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.querySelector(".check-in-form .camera");
    // No camera API outside a secure context (HTTPS, or localhost): typing stays.
    if (box && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
      setUp(box);
    }
  });
})();
