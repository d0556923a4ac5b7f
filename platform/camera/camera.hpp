// Camera: live preview frames and still captures for the staff scan flow
// (document camera / webcam), independent of V4L2. Implementations:
// V4l2Camera (real device) and FileCamera (replays images from a folder).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "data/imaging/image.hpp"
#include "data/result.hpp"

namespace madoguchi {

struct CameraFrame {
    std::shared_ptr<const Image> image;  // RGB; shared so preview needs no copy
    std::uint64_t sequence = 0;          // grows by one per new frame
};

class Camera {
public:
    virtual ~Camera() = default;
    // Opens the device and settles the format; errors camera.* (not found,
    // not a camera, unsupported format, access denied).
    virtual Status open() = 0;
    // Starts delivering frames.
    virtual Status start() = 0;
    // The newest frame, or nullopt before the first one / when stopped. Never
    // blocks: safe to call once per UI frame.
    virtual std::optional<CameraFrame> latest_frame() = 0;
    // A frame newer than the call (so it shows what is in front of the lens
    // now); may block briefly — call from a worker thread.
    virtual Result<Image> capture_still() = 0;
    // Stops delivering frames; start() may be called again.
    virtual void stop() = 0;
};

}  // namespace madoguchi
